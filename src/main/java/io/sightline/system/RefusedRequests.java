package io.sightline.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Requests that Tomcat refuses before the application sees them (a request line or
 * headers over the size limit, a malformed request) are answered with Problem Details
 * too, instead of Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsForRefusedRequests(
			ProblemResponses problems) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				// the host adds no error report valve of its own when one of this class
				// is in its pipeline
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				host.getPipeline().addValve(new ProblemReportValve(problems));
			}
		});
	}

	/**
	 * Tomcat's error report, as Problem Details with a sentence and nothing of the
	 * server's inside.
	 */
	static class ProblemReportValve extends ErrorReportValve {

		private final ProblemResponses problems;

		ProblemReportValve(ProblemResponses problems) {
			this.problems = problems;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String detail = (status == 400)
					? "The request could not be read (its address or headers may be too long or malformed); send a shorter, well-formed request."
					: "The server could not handle the request (HTTP " + status
							+ "); try again, and if it persists report it with the time it happened.";
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(new String(this.problems.render(HttpStatusCode.valueOf(status), detail),
							StandardCharsets.UTF_8));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ignored) {
				// the client is gone; nothing more to say
			}
		}

	}

}
