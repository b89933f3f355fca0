package io.github.duality.autoconfigure.migration;

import io.github.duality.autoconfigure.MigrationMode;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link ConditionalOnMigrationMode}.
 */
class OnMigrationModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Object required = metadata.getAnnotationAttributes(ConditionalOnMigrationMode.class.getName()).get("value");
		MigrationMode mode = MigrationMode.of(context.getEnvironment());
		String message = MigrationMode.PROPERTY + " is " + mode;
		return (mode == required) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

}
