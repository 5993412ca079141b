package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.MethodMetadata;

/**
 * The beans an application declares itself, as opposed to those Spring Boot declares
 * for whichever server or stack is on the class path.
 */
final class ApplicationBeans {

	private static final String SPRING_BOOT_PACKAGE = "org.springframework.boot.";

	private ApplicationBeans() {
	}

	/**
	 * Names of the beans of a type that the application declares, not Spring Boot.
	 * Reads bean definitions only: nothing is created.
	 * @param beanFactory the bean factory
	 * @param type the type
	 * @return the names of the application's beans of that type
	 */
	static List<String> namesOf(ConfigurableListableBeanFactory beanFactory, ResolvableType type) {
		List<String> names = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
			if (!beanFactory.containsBeanDefinition(name)
					|| !isDeclaredBySpringBoot(beanFactory.getBeanDefinition(name))) {
				names.add(name);
			}
		}
		return names;
	}

	// Spring Boot declares its beans with @Bean methods; a bean of one of its classes
	// (new TomcatServletWebServerFactory()) that the application registers is the application's
	private static boolean isDeclaredBySpringBoot(BeanDefinition definition) {
		MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null && factoryMethod.getDeclaringClassName().startsWith(SPRING_BOOT_PACKAGE);
	}

}
