package io.sightline.source.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

	private final AddressPolicy strict = new AddressPolicy(false, List.of());

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "127.0.0.1|a loopback address", "127.255.0.9|a loopback address",
			"10.1.2.3|a private address", "172.16.0.1|a private address", "172.31.255.255|a private address",
			"192.168.1.1|a private address", "100.64.0.1|a shared (carrier-grade NAT) address",
			"169.254.169.254|a link-local address", "0.0.0.0|an unspecified address", "224.0.0.251|a multicast address",
			"255.255.255.255|a reserved or broadcast address", "::1|a loopback address", "::|an unspecified address",
			"fe80::1|a link-local address", "fc00::1|a private (unique local) address",
			"fd12:3456::1|a private (unique local) address", "ff02::1|a multicast address",
			"::ffff:127.0.0.1|a loopback address", "::ffff:169.254.169.254|a link-local address",
			"::127.0.0.1|an IPv4-compatible form of a loopback address",
			"64:ff9b::a00:1|a NAT64 form of a private address", "2002:7f00:1::|a 6to4 form of a loopback address" })
	void refusesEveryInternalFamily(String literal, String kind) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(literal);
		assertThat(this.strict.refusal(literal, address))
			.hasValueSatisfying((sentence) -> assertThat(sentence).contains("is " + kind)
				.contains("sightline.fetch.allow-private-networks=true"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"64:ff9b::808:808", "::ffff:8.8.8.8" })
	void allowsPublicAddresses(String literal) throws UnknownHostException {
		assertThat(this.strict.refusal(literal, InetAddress.getByName(literal))).isEmpty();
	}

	@Test
	void theSettingAndAllowedNetworksLiftTheRule() throws UnknownHostException {
		assertThat(new AddressPolicy(true, List.of()).refusal("x", InetAddress.getByName("127.0.0.1"))).isEmpty();
		AddressPolicy intranet = new AddressPolicy(false, List.of("10.1.2.0/24", "fd00::/8"));
		assertThat(intranet.refusal("wiki", InetAddress.getByName("10.1.2.77"))).isEmpty();
		assertThat(intranet.refusal("wiki", InetAddress.getByName("fd00::5"))).isEmpty();
		assertThat(intranet.refusal("other", InetAddress.getByName("10.1.3.1"))).isPresent();
		assertThat(intranet.refusal("lo", InetAddress.getByName("127.0.0.1"))).isPresent();
	}

	@Test
	void literalsAndLocalhostAreJudgedWithoutALookup() {
		assertThat(this.strict.refusalWithoutLookup("127.0.0.1")).isPresent();
		assertThat(this.strict.refusalWithoutLookup("[::1]")).isPresent();
		assertThat(this.strict.refusalWithoutLookup("LOCALHOST")).isPresent();
		assertThat(this.strict.refusalWithoutLookup("app.localhost")).isPresent();
		assertThat(this.strict.refusalWithoutLookup("example.com")).isEmpty();
		assertThat(this.strict.refusalWithoutLookup("8.8.8.8")).isEmpty();
		assertThat(this.strict.refusalWithoutLookup("localhost.")).isPresent();
	}

	@Test
	void numericHostsInNotationsThatProgramsReadDifferentlyAreRefusedWhateverTheyMean() {
		for (String host : List.of("0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "010.8.8.8", "8.8.8.08",
				"0x08.8.8.8")) {
			assertThat(this.strict.refusalWithoutLookup(host)).as(host)
				.hasValueSatisfying((refusal) -> assertThat(refusal).contains("octal, hexadecimal or shortened"));
		}
		for (String host : List.of("8.8.8.8", "93.184.216.34", "0.0.0.0", "255.255.255.255", "example.com",
				"1e100.net")) {
			assertThat(this.strict.refusalWithoutLookup(host).orElse("")).as(host).doesNotContain("octal");
		}
	}

}
