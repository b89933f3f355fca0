package io.github.duality.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code spring.datasource.url} is set, without resolving its placeholders: with
 * {@code ${DATABASE_URL}} unset but every path supplied by service connections (Testcontainers, Docker Compose),
 * nothing needs the URL, and resolving it here would fail the application for nothing.
 */
class OnDatasourceUrlCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Datasource URL");
		if (context.getEnvironment().containsProperty(DatasourceUrlDerivation.URL_PROPERTY)) {
			return ConditionOutcome.match(message.found("property").items(DatasourceUrlDerivation.URL_PROPERTY));
		}
		return ConditionOutcome.noMatch(message.didNotFind("property").items(DatasourceUrlDerivation.URL_PROPERTY));
	}

}
