package io.github.h2push.sample;

import io.github.h2push.security.PrivilegeEvaluatorRequestTransformer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public pages and assets; the account and Actuator for signed-in users. One demo
 * user, {@code user} / {@code password}: a sample, not a production setup.
 * <p>
 * Request matching uses path patterns, Spring Security 7's default: h2-push asks the
 * privilege evaluator about every resource it pushes or hints, and with Spring Security
 * 6's default MVC matchers each of those questions runs Spring MVC's handler mappings.
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/account/**", "/actuator/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
		return new PathPatternRequestMatcherBuilderFactoryBean();
	}

	// by this name it replaces the transformer that runs MVC's handler mappings; it matches path patterns as
	// Spring Security's PathPatternRequestTransformer does, without a proxy's cost on every access check
	@Bean
	PrivilegeEvaluatorRequestTransformer pathPatternRequestTransformer() {
		return new PrivilegeEvaluatorRequestTransformer();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("user").password("{noop}password").roles("USER").build());
	}

}
