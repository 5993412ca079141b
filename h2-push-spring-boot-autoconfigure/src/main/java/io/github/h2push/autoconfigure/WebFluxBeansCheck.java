package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Fails startup with a {@link ReactiveWebApplicationException} when a servlet application
 * declares WebFlux routes, filters or configurers: a WebFlux application that became a
 * Spring MVC one because h2-push's starter brought Spring MVC, and whose WebFlux beans
 * Spring MVC would silently ignore.
 */
class WebFluxBeansCheck implements BeanFactoryPostProcessor {

	private static final List<String> WEBFLUX_TYPES = List.of(
			"org.springframework.web.reactive.function.server.RouterFunction",
			"org.springframework.web.server.WebFilter", "org.springframework.web.reactive.config.WebFluxConfigurer");

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		List<String> found = new ArrayList<>();
		for (String typeName : WEBFLUX_TYPES) {
			if (ClassUtils.isPresent(typeName, classLoader)) {
				Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
				ResolvableType beanType = ResolvableType.forClass(type);
				for (String name : ApplicationBeans.namesOf(beanFactory, beanType)) {
					found.add("bean '" + name + "', a WebFlux " + type.getSimpleName());
				}
			}
		}
		if (!found.isEmpty()) {
			throw new ReactiveWebApplicationException(found);
		}
	}

}
