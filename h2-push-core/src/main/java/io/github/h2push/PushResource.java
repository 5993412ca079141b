package io.github.h2push;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One resource in {@link PushResources#resources()}, with preload attributes that
 * override the ones inferred from its path.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PushResource {

	/**
	 * Path of the resource, such as {@code /fonts/body.woff2}.
	 * @return the path
	 */
	String value();

	/**
	 * Destination for the preload hint ({@code style}, {@code script}, {@code image},
	 * {@code font}, {@code fetch}, …). Empty to infer it from the path's media type.
	 * @return the destination
	 */
	String as() default "";

	/**
	 * Fetch priority for the preload hint ({@code high}, {@code low} or
	 * {@code auto}). Empty for none.
	 * @return the fetch priority
	 */
	String fetchPriority() default "";

}
