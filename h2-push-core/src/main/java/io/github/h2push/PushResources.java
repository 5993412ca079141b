package io.github.h2push;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the resources to push (or, when push is impossible, to hint with
 * {@code Link: rel=preload}) for requests handled by a controller class or handler
 * method.
 * <p>
 * Values declared on the class come first, then those on the method; duplicates are
 * dropped. Each value is an absolute path on this origin, such as
 * {@code /css/site.css} or {@code /js/app.js?v=3}, and may contain {@code ${…}}
 * placeholders. Values are resolved and validated once at startup: a value that is
 * not such a path fails startup with a message naming the handler method.
 * <p>
 * Pushes are issued before the handler method runs, so the pushed resources flow
 * while the controller works.
 *
 * @since 0.1.0
 * @see PushPromiseService
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PushResources {

	/**
	 * Paths of the resources to push, such as {@code /css/site.css}.
	 * @return the paths
	 */
	String[] value() default {};

	/**
	 * Resources with explicit preload attributes, for when the destination cannot be
	 * inferred from the path or a fetch priority is wanted.
	 * @return the resources
	 */
	PushResource[] resources() default {};

}
