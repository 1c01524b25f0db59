package io.sightline.source.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Turns a host name into addresses; the system resolver, or a fixed table in tests. */
@FunctionalInterface
interface HostResolver {

	HostResolver SYSTEM = (host) -> Arrays.asList(InetAddress.getAllByName(host));

	List<InetAddress> resolve(String host) throws UnknownHostException;

}
