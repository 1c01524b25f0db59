package io.sightline.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of follows ({@code sightline.follow.*}).
 *
 * @param interval how often a followed channel or feed is checked for new items (default
 * 6h)
 * @param checkEvery how often the cluster looks for follows that are due (default 1m);
 * one node at a time
 * @param retryAfter when a check fails (the feed unreachable, the owner at their limit),
 * how soon it is tried again (default 30m, never later than the interval)
 */
@ConfigurationProperties("sightline.follow")
record FollowProperties(@DefaultValue("6h") Duration interval, @DefaultValue("1m") Duration checkEvery,
		@DefaultValue("30m") Duration retryAfter) {
}
