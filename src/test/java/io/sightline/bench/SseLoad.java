package io.sightline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE clients in one thread: plain non-blocking sockets and one selector, so the
 * clients' own cost does not hide the server's. Each client sends its request, timestamps
 * every event as its bytes arrive, and records the delay from the event's
 * {@code updated_at} (the first event, the state at connection time, is skipped); it
 * stops after the terminal event.
 */
final class SseLoad implements Runnable {

	private static final byte[] UPDATED_AT = "\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII);

	private final Selector selector;

	private final ConcurrentLinkedQueue<long[]> delays;

	final AtomicInteger open = new AtomicInteger();

	final AtomicInteger ended = new AtomicInteger();

	private final int clients;

	SseLoad(String host, int port, List<String> paths, ConcurrentLinkedQueue<long[]> delays) throws IOException {
		this.selector = Selector.open();
		this.delays = delays;
		this.clients = paths.size();
		for (String path : paths) {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.connect(new InetSocketAddress(host, port));
			Client client = new Client(
					("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			channel.register(this.selector, SelectionKey.OP_CONNECT, client);
		}
	}

	/**
	 * Reads until every client has seen its terminal event or the thread is interrupted.
	 */
	@Override
	public void run() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
		byte[] bytes = new byte[64 * 1024];
		try {
			while (this.ended.get() < this.clients && !Thread.currentThread().isInterrupted()) {
				this.selector.select(200);
				long now = System.currentTimeMillis();
				for (var iterator = this.selector.selectedKeys().iterator(); iterator.hasNext();) {
					SelectionKey key = iterator.next();
					iterator.remove();
					SocketChannel channel = (SocketChannel) key.channel();
					Client client = (Client) key.attachment();
					try {
						if (key.isConnectable()) {
							channel.finishConnect();
							channel.write(ByteBuffer.wrap(client.request));
							key.interestOps(SelectionKey.OP_READ);
							this.open.incrementAndGet();
						}
						else if (key.isReadable()) {
							buffer.clear();
							int n = channel.read(buffer);
							if (n < 0) {
								end(key);
								continue;
							}
							buffer.flip();
							buffer.get(bytes, 0, n);
							if (client.read(bytes, n, now, this.delays)) {
								end(key);
							}
						}
					}
					catch (IOException gone) {
						end(key);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void end(SelectionKey key) {
		key.cancel();
		try {
			key.channel().close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
		this.ended.incrementAndGet();
	}

	/** One client's request and the unread tail of its stream. */
	private static final class Client {

		private final byte[] request;

		private byte[] pending = new byte[0];

		private boolean first = true;

		Client(byte[] request) {
			this.request = request;
		}

		/**
		 * Takes newly read bytes; records each complete event's delay; true after the
		 * terminal one.
		 */
		boolean read(byte[] bytes, int n, long now, ConcurrentLinkedQueue<long[]> delays) {
			byte[] data = new byte[this.pending.length + n];
			System.arraycopy(this.pending, 0, data, 0, this.pending.length);
			System.arraycopy(bytes, 0, data, this.pending.length, n);
			int start = 0;
			boolean terminal = false;
			for (int end = indexOf(data, start); end >= 0; end = indexOf(data, start)) {
				String event = new String(data, start, end - start, StandardCharsets.UTF_8);
				int at = event.indexOf(new String(UPDATED_AT, StandardCharsets.US_ASCII));
				if (at >= 0) {
					int from = at + UPDATED_AT.length;
					long changedAt = Instant.parse(event.substring(from, event.indexOf('"', from))).toEpochMilli();
					if (!this.first) {
						delays.add(new long[] { changedAt, now - changedAt });
					}
					this.first = false;
					terminal |= !event.contains("\"status\":\"processing\"");
				}
				start = end + 2;
			}
			this.pending = Arrays.copyOfRange(data, start, data.length);
			return terminal;
		}

		/** The end of the next event (its blank line), or -1. */
		private static int indexOf(byte[] data, int from) {
			for (int i = from; i + 1 < data.length; i++) {
				if (data[i] == '\n' && data[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
