package io.sightline.source.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which network addresses a user-given URL may reach. By default only public ones:
 * loopback, private, shared (carrier-grade NAT), link-local (cloud metadata lives there),
 * multicast, unspecified and reserved addresses are refused, and so are IPv6 forms that
 * carry one of those IPv4 addresses inside (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
final class AddressPolicy {

	/** Hosts made only of numbers in any base, like 0177.1 or 0x7f000001. */
	private static final Pattern UNUSUAL_NUMBERS = Pattern
		.compile("((0x[0-9a-f]*|[0-9]+)\\.){0,3}(0x[0-9a-f]*|[0-9]+)");

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	/**
	 * Four decimal numbers from 0 to 255 without leading zeros: the one notation everyone
	 * reads alike.
	 */
	private static final Pattern DOTTED_QUAD = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

	/** The setting that lifts the rule, named in every refusal. */
	public static final String SETTING = "sightline.fetch.allow-private-networks";

	private final boolean allowPrivate;

	private final List<Network> allowed;

	public AddressPolicy(boolean allowPrivate, List<String> allowedNetworks) {
		this.allowPrivate = allowPrivate;
		this.allowed = allowedNetworks.stream().map(Network::parse).toList();
	}

	static AddressPolicy of(FetchProperties properties) {
		return new AddressPolicy(properties.allowPrivateNetworks(), properties.allowedNetworks());
	}

	/** Why {@code address} may not be fetched, as a sentence; empty when it may. */
	public Optional<String> refusal(String host, InetAddress address) {
		if (this.allowPrivate || this.allowed.stream().anyMatch((network) -> network.contains(address))) {
			return Optional.empty();
		}
		return kind(address)
			.map((kind) -> "Sightline does not fetch addresses on private networks (" + describe(host, address) + " is "
					+ kind + "); an administrator can allow them with " + SETTING + "=true.");
	}

	/**
	 * The refusal for a host that needs no lookup to judge: an address literal or a name
	 * that is loopback by definition ({@code localhost}). Empty for every other name,
	 * which is judged when it is resolved.
	 */
	public Optional<String> refusalWithoutLookup(String host) {
		String bare = host.toLowerCase(Locale.ROOT);
		if (bare.startsWith("[") && bare.endsWith("]")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		while (bare.endsWith(".")) {
			bare = bare.substring(0, bare.length() - 1);
		}
		if (UNUSUAL_NUMBERS.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()
				&& !bare.matches("[0-9]+")) {
			return Optional.of("Sightline does not fetch addresses written as " + host + " (octal, hexadecimal or"
					+ " shortened numbers read differently by different programs); write the address as a name or"
					+ " as four decimal numbers.");
		}
		if (bare.equals("localhost") || bare.endsWith(".localhost")) {
			return refusal(host, InetAddress.getLoopbackAddress());
		}
		return literal(bare).flatMap((address) -> refusal(host, address));
	}

	/**
	 * The address a literal host names, or empty for a host name. Never looks anything
	 * up.
	 */
	static Optional<InetAddress> literal(String host) {
		boolean ipv6 = host.indexOf(':') >= 0;
		boolean ipv4 = host.matches("[0-9.]+") && !host.isEmpty();
		if (!ipv6 && !ipv4) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(host));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static String describe(String host, InetAddress address) {
		String literal = address.getHostAddress();
		return (host == null || host.equalsIgnoreCase(literal) || host.equals("[" + literal + "]")) ? literal
				: host + " → " + literal;
	}

	/** The kind of internal address this is, or empty for a public one. */
	static Optional<String> kind(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return kindOfIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return kindOfIpv6(bytes);
		}
		return Optional.of("not an IP address");
	}

	private static Optional<String> kindOfIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return Optional.of("an unspecified address");
		}
		if (first == 127) {
			return Optional.of("a loopback address");
		}
		if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
			return Optional.of("a private address");
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return Optional.of("a shared (carrier-grade NAT) address");
		}
		if (first == 169 && second == 254) {
			return Optional.of("a link-local address");
		}
		if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
			return Optional.of("a reserved protocol address");
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return Optional.of("a benchmarking network address");
		}
		if (first >= 224 && first <= 239) {
			return Optional.of("a multicast address");
		}
		if (first >= 240) {
			return Optional.of("a reserved or broadcast address");
		}
		return Optional.empty();
	}

	private static Optional<String> kindOfIpv6(byte[] b) {
		if (allZero(b, 0, 16)) {
			return Optional.of("an unspecified address");
		}
		if (allZero(b, 0, 15) && b[15] == 1) {
			return Optional.of("a loopback address");
		}
		if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return embedded(b, 12, "an IPv4-mapped ");
		}
		if (allZero(b, 0, 12)) {
			return embedded(b, 12, "an IPv4-compatible ");
		}
		if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& allZero(b, 4, 12)) {
			return embedded(b, 12, "a NAT64 ");
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return embedded(b, 2, "a 6to4 ");
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return Optional.of("a private (unique local) address");
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
			return Optional.of("a link-local address");
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return Optional.of("a private (site-local) address");
		}
		if ((b[0] & 0xff) == 0xff) {
			return Optional.of("a multicast address");
		}
		return Optional.empty();
	}

	private static Optional<String> embedded(byte[] b, int offset, String prefix) {
		return kindOfIpv4(Arrays.copyOfRange(b, offset, offset + 4)).map((kind) -> prefix + "form of " + kind);
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** A CIDR block such as {@code 10.1.2.0/24} or {@code fd00::/8}. */
	record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			String[] parts = cidr.strip().split("/", 2);
			InetAddress address = literal(parts[0])
				.orElseThrow(() -> new IllegalArgumentException("sightline.fetch.allowed-networks: '" + cidr
						+ "' is not an address or network such as 10.1.2.0/24"));
			int max = address.getAddress().length * 8;
			int bits = (parts.length == 2) ? Integer.parseInt(parts[1].strip()) : max;
			if (bits < 0 || bits > max) {
				throw new IllegalArgumentException(
						"sightline.fetch.allowed-networks: '" + cidr + "' has a prefix length outside 0-" + max);
			}
			return new Network(address.getAddress(), bits);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.prefix.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
