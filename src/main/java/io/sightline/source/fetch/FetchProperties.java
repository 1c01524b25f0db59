package io.sightline.source.fetch;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the guarded HTTP client that fetches user-given URLs
 * ({@code sightline.fetch.*}).
 *
 * @param allowPrivateNetworks fetch loopback, private, link-local and other internal
 * addresses too (default false: only public addresses)
 * @param allowedNetworks internal networks to allow while the rest stay refused, in CIDR
 * notation such as {@code 10.1.2.0/24}
 * @param maxBytes the largest page read (default 5MB)
 * @param maxDownloadSize the largest file downloaded, such as a podcast episode's audio
 * (default 1GB)
 * @param connectTimeout how long to wait for a connection (default 5s)
 * @param readTimeout how long to wait for the next bytes (default 15s)
 * @param totalTimeout how long a fetch may take in all, redirects and a slow body
 * included (default 30s)
 * @param maxRedirects how many redirects to follow, each one checked again (default 5)
 * @param userAgent the User-Agent header sent
 */
@ConfigurationProperties("sightline.fetch")
public record FetchProperties(@DefaultValue("false") boolean allowPrivateNetworks,
		@DefaultValue("") List<String> allowedNetworks, @DefaultValue("5MB") DataSize maxBytes,
		@DefaultValue("1GB") DataSize maxDownloadSize, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("30s") Duration totalTimeout,
		@DefaultValue("5") int maxRedirects,
		@DefaultValue("Mozilla/5.0 (compatible; Sightline/0.1; +https://github.com/sightline)") String userAgent) {

	public FetchProperties {
		allowedNetworks = (allowedNetworks != null)
				? allowedNetworks.stream().filter((cidr) -> !cidr.isBlank()).toList() : List.of();
	}

}
