package io.github.duality.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Names what the user configured a path with, in the order Boot's auto-configuration gives them precedence.
 */
public final class ExplicitConfiguration {

	private ExplicitConfiguration() {
	}

	public static String describe(ListableBeanFactory beanFactory, Environment environment, String urlProperty,
			Class<?>... beanTypes) {
		if (environment.containsProperty(urlProperty)) {
			return "explicit " + urlProperty + " (not derived)";
		}
		for (Class<?> beanType : beanTypes) {
			String[] names = beanFactory.getBeanNamesForType(beanType);
			if (names.length > 0) {
				return "explicit " + beanType.getSimpleName() + " bean '" + names[0] + "' (not derived)";
			}
		}
		return "none configured";
	}

}
