package io.sightline.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of intake ({@code sightline.intake.*}).
 *
 * @param maxUrlLength the longest URL accepted (default 2048)
 * @param collectionLimit how many items of a playlist or channel are summarized when the
 * request does not say (default 25)
 * @param maxCollectionLimit the most items one request may ask for (default 200)
 */
@ConfigurationProperties("sightline.intake")
record IntakeProperties(@DefaultValue("2048") int maxUrlLength, @DefaultValue("25") int collectionLimit,
		@DefaultValue("200") int maxCollectionLimit) {
}
