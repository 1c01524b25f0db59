package io.sightline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Starts and stops the local HTTP servers that stand in for YouTube, web sites and model
 * endpoints.
 */
final class LocalServers {

	private LocalServers() {
	}

	static MockWebServer start(Function<RecordedRequest, MockResponse> answer) {
		MockWebServer server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer.apply(request);
			}
		});
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server;
	}

	/**
	 * Stops the server; one still sleeping out a delayed answer for a client that is gone
	 * is left to the JVM's exit.
	 */
	static void stop(MockWebServer server) {
		try {
			server.shutdown();
		}
		catch (IOException stillAnswering) {
			// a test server: nothing to lose
		}
	}

}
