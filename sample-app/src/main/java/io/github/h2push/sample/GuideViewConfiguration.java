package io.github.h2push.sample;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guide page, served by a view controller: its pushes are declared in
 * {@code h2-push.routes}.
 */
@Configuration(proxyBeanMethods = false)
class GuideViewConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/guide").setViewName("guide");
	}

}
