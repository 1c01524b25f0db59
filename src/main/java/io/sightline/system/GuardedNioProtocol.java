package io.sightline.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO connector with two bounds it lacks: a deadline for a request's line and
 * headers as a whole (a client trickling a header line every few seconds is closed once
 * it passes), and a limit on connections per client address (checked as each is
 * accepted). Once a second a sweep walks the open connections: it closes those past the
 * deadline and recounts the connections of each address.
 * <p>
 * Tomcat makes the protocol from its class name, so the limits are handed over after:
 * {@link #limit}.
 */
public class GuardedNioProtocol extends Http11NioProtocol {

	private static final Logger log = LoggerFactory.getLogger(GuardedNioProtocol.class);

	private final GuardedEndpoint endpoint;

	private volatile long headerDeadlineNanos = Long.MAX_VALUE;

	private final AtomicLong closedLate = new AtomicLong();

	private ScheduledFuture<?> sweeps;

	public GuardedNioProtocol() {
		this(new GuardedEndpoint());
	}

	private GuardedNioProtocol(GuardedEndpoint endpoint) {
		super(endpoint);
		this.endpoint = endpoint;
	}

	/** Applies the limits; before the connector starts. */
	public void limit(ConnectionLimits limits) {
		this.headerDeadlineNanos = limits.headerDeadline().toNanos();
		this.endpoint.maxPerAddress = limits.maxConnectionsPerAddress();
	}

	/** Connections closed so far because their headers were not in by the deadline. */
	public long closedLate() {
		return this.closedLate.get();
	}

	/** Connections refused so far because their address held its most already. */
	public long refusedOverLimit() {
		return this.endpoint.refused.get();
	}

	@Override
	public void start() throws Exception {
		super.start();
		this.sweeps = getUtilityExecutor().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() throws Exception {
		if (this.sweeps != null) {
			this.sweeps.cancel(false);
		}
		super.stop();
	}

	void sweep() {
		try {
			long now = System.nanoTime();
			Map<String, Integer> perAddress = new HashMap<>();
			for (SocketWrapperBase<?> connection : this.endpoint.getConnections()) {
				perAddress.merge(String.valueOf(connection.getRemoteAddr()), 1, Integer::sum);
				if (connection.getCurrentProcessor() instanceof AbstractProcessor processor
						&& headersLate(processor, now)) {
					this.closedLate.incrementAndGet();
					connection.close();
				}
			}
			this.endpoint.perAddress = perAddress;
		}
		catch (RuntimeException ex) {
			// a connection closed under the sweep; the next one sees the rest
			log.debug("Connection sweep cut short", ex);
		}
	}

	/**
	 * Whether the connection is still sending a request's line or headers past the
	 * deadline: a processor kept with its connection between reads, its request begun
	 * (Tomcat sets the start at its first byte and clears it when the request is done)
	 * and not handed to the application, which would have made it asynchronous or
	 * answered it. Stages do not tell: Tomcat marks a processor waiting for more headers
	 * "ended" as it does one whose request is streaming a response.
	 */
	private boolean headersLate(AbstractProcessor processor, long now) {
		Request request = processor.getRequest();
		long started = request.getStartTimeNanos();
		int stage = request.getRequestProcessor().getStage();
		return started != -1 && now - started > this.headerDeadlineNanos && !processor.isAsync()
				&& !processor.isUpgrade() && !request.getResponse().isCommitted()
				&& (stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED);
	}

	/**
	 * The endpoint that refuses a connection over its address's limit as it is accepted.
	 */
	static final class GuardedEndpoint extends NioEndpoint {

		volatile int maxPerAddress;

		/** Connections per address at the last sweep, plus those accepted since. */
		volatile Map<String, Integer> perAddress = new HashMap<>();

		final AtomicLong refused = new AtomicLong();

		private long lastWarned;

		@Override
		protected boolean setSocketOptions(SocketChannel socket) {
			if (this.maxPerAddress > 0) {
				String address = addressOf(socket);
				if (address != null && overLimit(address)) {
					this.refused.incrementAndGet();
					warn(address);
					// closed here: the acceptor closes only sockets the endpoint took on
					destroySocket(socket);
					return false;
				}
			}
			return super.setSocketOptions(socket);
		}

		/**
		 * Whether the address holds its most connections already: counted at the last
		 * sweep and since; only when that says so are its connections counted now (so a
		 * client whose connections closed since the sweep is not refused).
		 */
		private boolean overLimit(String address) {
			Map<String, Integer> counts = this.perAddress;
			int known = counts.merge(address, 1, Integer::sum);
			if (known <= this.maxPerAddress) {
				return false;
			}
			int open = 0;
			for (SocketWrapperBase<?> connection : getConnections()) {
				if (address.equals(connection.getRemoteAddr())) {
					open++;
				}
			}
			counts.put(address, open + 1);
			return open >= this.maxPerAddress;
		}

		private void warn(String address) {
			long now = System.nanoTime();
			if (now - this.lastWarned > TimeUnit.MINUTES.toNanos(1)) {
				this.lastWarned = now;
				log.warn(
						"Refused connections from {}: it holds {} already (sightline.http.max-connections-per-address)",
						address, this.maxPerAddress);
			}
		}

		private static String addressOf(SocketChannel socket) {
			try {
				SocketAddress remote = socket.getRemoteAddress();
				return (remote instanceof InetSocketAddress inet && inet.getAddress() != null)
						? inet.getAddress().getHostAddress() : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

	}

}
