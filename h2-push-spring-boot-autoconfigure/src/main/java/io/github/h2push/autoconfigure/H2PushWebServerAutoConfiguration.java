package io.github.h2push.autoconfigure;

import java.util.List;

import io.undertow.Undertow;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.UndertowServletWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowDeploymentInfoCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that makes sure h2-push is never silently inactive and never
 * silently changes an application's web stack.
 * <ul>
 * <li>When Tomcat or Jetty is on the class path but the application does not configure
 * it, Undertow serves (Spring Boot would otherwise pick the other server first) and one
 * INFO line says which server is unused and how to drop it.</li>
 * <li>When the application configures Tomcat, Jetty or a web server factory of its own,
 * that server serves, with {@code 103 Early Hints} where h2-push has an adapter for it,
 * and one INFO line says what configures it and how to serve with Undertow, which push
 * needs ({@link CompetingWebServerCondition}).</li>
 * <li>A reactive (WebFlux) application, or a servlet one that declares WebFlux beans,
 * fails startup with an analysis naming Spring MVC as the supported stack.</li>
 * <li>With {@code h2-push.enabled=false}, none of this: see
 * {@link H2PushDisabledAutoConfiguration}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = H2PushWebServerAutoConfiguration.SERVLET_WEB_SERVER_FACTORY_AUTO_CONFIGURATION)
public class H2PushWebServerAutoConfiguration {

	static final String SERVLET_WEB_SERVER_FACTORY_AUTO_CONFIGURATION = "org.springframework.boot.autoconfigure.web."
			+ "servlet.ServletWebServerFactoryAutoConfiguration";

	private static final Log logger = LogFactory.getLog(H2PushWebServerAutoConfiguration.class);

	// Spring Boot 3.5's, where Undertow can serve; Spring Boot 4 has no Undertow support
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SERVLET_WEB_SERVER_FACTORY_AUTO_CONFIGURATION)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnBooleanProperty(name = "h2-push.enabled", matchIfMissing = true)
	static class ReactiveConfiguration {

		// fails before the reactive web server is even created
		@Bean
		static BeanFactoryPostProcessor h2PushReactiveWebApplicationCheck() {
			return (beanFactory) -> {
				throw new ReactiveWebApplicationException();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "h2-push.enabled", matchIfMissing = true)
	@ConditionalOnClass(value = { Undertow.class, DispatcherServlet.class, UndertowServletWebServerFactory.class },
			name = SERVLET_WEB_SERVER_FACTORY_AUTO_CONFIGURATION)
	static class ServletConfiguration {

		@Bean
		static WebFluxBeansCheck h2PushWebFluxBeansCheck() {
			return new WebFluxBeansCheck();
		}

		/**
		 * Undertow's factory, defined before Spring Boot's, which would pick Tomcat or
		 * Jetty first, unless the application configures that server; the same beans as
		 * Spring Boot defines for Undertow.
		 */
		@Configuration(proxyBeanMethods = false)
		@Conditional(CompetingWebServerCondition.class)
		@ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
		@EnableConfigurationProperties(ServerProperties.class)
		static class UndertowServerConfiguration {

			@Bean
			UndertowServletWebServerFactory undertowServletWebServerFactory(
					ObjectProvider<UndertowDeploymentInfoCustomizer> deploymentInfoCustomizers,
					ObjectProvider<UndertowBuilderCustomizer> builderCustomizers, ResourceLoader resourceLoader) {
				List<CompetingWebServer> unused = CompetingWebServer.present(resourceLoader.getClassLoader());
				String names = CompetingWebServer.displayNames(unused);
				logger.info(names + ((unused.size() > 1) ? " are" : " is") + " on the class path but unused: "
						+ "h2-push serves this application with Undertow. To drop " + names + ", exclude "
						+ String.join(" and ", unused.stream().map(CompetingWebServer::getStarter).toList())
						+ " (see \"Quick start\" in the h2-push README)");
				UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
				factory.getDeploymentInfoCustomizers().addAll(deploymentInfoCustomizers.orderedStream().toList());
				factory.getBuilderCustomizers().addAll(builderCustomizers.orderedStream().toList());
				return factory;
			}

			@Bean
			UndertowServletWebServerFactoryCustomizer undertowServletWebServerFactoryCustomizer(
					ServerProperties serverProperties) {
				return new UndertowServletWebServerFactoryCustomizer(serverProperties);
			}

		}

	}

}
