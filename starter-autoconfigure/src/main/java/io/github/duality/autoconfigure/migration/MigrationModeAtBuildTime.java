package io.github.duality.autoconfigure.migration;

import java.util.Locale;

import io.github.duality.autoconfigure.MigrationMode;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The migration mode the bean definitions were made for. Spring's AOT processing ({@code process-aot}) fixes them at
 * build time, so a start with another {@code duality.migration.mode} would silently run the build's mode: a
 * {@code migrate-and-exit} Job would exit 0 without migrating, an {@code external} deployment would migrate. That
 * start fails here instead, before any bean is created. Without AOT both modes are always the same.
 */
final class MigrationModeAtBuildTime implements BeanFactoryPostProcessor, EnvironmentAware {

	private final MigrationMode mode;

	private Environment environment;

	MigrationModeAtBuildTime(MigrationMode mode) {
		this.mode = mode;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		MigrationMode atRunTime = MigrationMode.of(this.environment);
		if (atRunTime != this.mode) {
			throw new IllegalStateException(MigrationMode.PROPERTY + " is " + name(atRunTime) + " at run time, but "
					+ "this application was AOT-processed (process-aot) with " + name(this.mode) + ", and its beans "
					+ "were fixed for that mode at build time. Run process-aot with " + MigrationMode.PROPERTY + "="
					+ name(atRunTime) + " for this deployment, or start it without -Dspring.aot.enabled=true.");
		}
	}

	private static String name(MigrationMode mode) {
		return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
