package io.sightline.source.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import okhttp3.Dns;

/**
 * Resolves each host once and hands the HTTP client only addresses the policy allows, so
 * the connection goes to the very address that was checked: a name cannot resolve to a
 * public address for the check and to an internal one for the connection (DNS rebinding).
 */
final class GuardedDns implements Dns {

	private final HostResolver resolver;

	private final AddressPolicy policy;

	GuardedDns(HostResolver resolver, AddressPolicy policy) {
		this.resolver = resolver;
		this.policy = policy;
	}

	@Override
	public List<InetAddress> lookup(String host) throws UnknownHostException {
		Optional<InetAddress> literal = AddressPolicy.literal(host);
		List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : this.resolver.resolve(host);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			Optional<String> refusal = this.policy.refusal(host, address);
			if (refusal.isPresent()) {
				throw new RefusedAddressException(refusal.get());
			}
		}
		return List.copyOf(addresses);
	}

	/**
	 * A lookup whose answer the policy refuses; an {@link UnknownHostException} so the
	 * HTTP client passes it on.
	 */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String sentence) {
			super(sentence);
		}

	}

}
