package io.github.duality.autoconfigure.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.duality.autoconfigure.MigrationMode;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code duality.migration.mode} is the given mode, however it is spelled
 * ({@code migrate-and-exit}, {@code MIGRATE_AND_EXIT}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMigrationModeCondition.class)
public @interface ConditionalOnMigrationMode {

	MigrationMode value();

}
