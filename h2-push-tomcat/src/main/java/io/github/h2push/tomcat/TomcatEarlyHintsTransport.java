package io.github.h2push.tomcat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.RequestFacade;
import org.apache.catalina.connector.Response;
import org.apache.catalina.connector.ResponseFacade;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;

import org.springframework.lang.Nullable;

/**
 * The {@link PushTransport} of Tomcat 10.1 and 11: Tomcat cannot push (Tomcat 11
 * removed it), so every resource is hinted, and {@code 103 Early Hints} go out through
 * Tomcat's own {@code sendEarlyHints()}, carrying only h2-push's {@code Link} headers.
 * <p>
 * Tomcat writes every header already set on the response into a {@code 103}: a
 * session cookie or a security header set by a filter before the controller would
 * reach the client early, outside the final response's context. So for the call the
 * response's headers are set aside and only the hints put in their place, and restored
 * right after. That needs the Tomcat response behind the servlet facade, which Tomcat
 * keeps in a protected field; it is looked up once, and when it cannot be, no
 * {@code 103} is sent (the preload {@code Link} headers of the final response still
 * are) and one WARN says so.
 *
 * @since 0.1.0
 */
public class TomcatEarlyHintsTransport implements PushTransport {

	private static final Log logger = LogFactory.getLog(TomcatEarlyHintsTransport.class);

	@Nullable
	private final MethodHandle responseOfFacade;

	/**
	 * Creates the transport, looking up the Tomcat response behind its servlet facade.
	 */
	public TomcatEarlyHintsTransport() {
		this.responseOfFacade = lookUpResponseOfFacade();
	}

	@Nullable
	private static MethodHandle lookUpResponseOfFacade() {
		try {
			return MethodHandles.privateLookupIn(ResponseFacade.class, MethodHandles.lookup())
				.findGetter(ResponseFacade.class, "response", Response.class);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("h2-push sends no 103 Early Hints on this Tomcat: its ResponseFacade has no 'response' "
					+ "field (" + ex + "); preload Link headers are still sent");
			return null;
		}
	}

	/**
	 * Whether this Tomcat can send early hints with only the {@code Link} headers.
	 * @return {@code true} when the Tomcat response could be reached
	 */
	public boolean isEarlyHintsAvailable() {
		return this.responseOfFacade != null;
	}

	@Override
	@Nullable
	public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
		if (!(unwrap(request) instanceof RequestFacade)) {
			return null;
		}
		Response tomcatResponse = (response != null) ? tomcatResponse(response) : null;
		return new TomcatEarlyHintsChannel(request.getProtocol(), tomcatResponse);
	}

	@Nullable
	private Response tomcatResponse(ServletResponse response) {
		if (this.responseOfFacade == null || !(unwrap(response) instanceof ResponseFacade facade)) {
			return null;
		}
		try {
			return (Response) this.responseOfFacade.invoke(facade);
		}
		catch (Throwable ex) {
			logger.debug("Could not reach the Tomcat response behind " + facade, ex);
			return null;
		}
	}

	private static ServletRequest unwrap(ServletRequest request) {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		return unwrapped;
	}

	private static ServletResponse unwrap(ServletResponse response) {
		ServletResponse unwrapped = response;
		while (unwrapped instanceof ServletResponseWrapper wrapper) {
			unwrapped = wrapper.getResponse();
		}
		return unwrapped;
	}

}
