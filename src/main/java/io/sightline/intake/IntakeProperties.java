package io.sightline.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of intake ({@code sightline.intake.*}).
 *
 * @param maxUrlLength the longest URL accepted (default 2048)
 */
@ConfigurationProperties("sightline.intake")
record IntakeProperties(@DefaultValue("2048") int maxUrlLength) {
}
