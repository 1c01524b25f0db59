package io.sightline.progress;

/**
 * Where a subscription's events go: an SSE response ({@link EventStream}), or in tests a
 * list.
 */
interface EventSink {

	/** Writes an encoded event; false if the sink is closed or its client gone. */
	boolean write(byte[] event);

	/** Writes a keep-alive comment; false if the sink is closed or its client gone. */
	boolean keepAlive();

	/** Ends the sink after what it was given so far. */
	void end();

}
