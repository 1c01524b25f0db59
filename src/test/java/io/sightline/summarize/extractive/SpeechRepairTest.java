package io.sightline.summarize.extractive;

import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spoken sentences as they come out of captions and meeting transcripts, repaired into
 * sentences a reader can take alone, with their meaning kept.
 */
class SpeechRepairTest {

	private static final Predicate<String> ENGLISH_STOP_WORDS = Set.of("we", "on", "to", "in", "am", "so",
			"he")::contains;

	@Test
	void aCutOffStartGivesWayToTheLongestCompletePart() {
		assertThat(repair("You write a lot of code--code, code, code.")).isEqualTo("You write a lot of code");
		assertThat(repair("How about, you know-- On your software team, somebody reviews every change you make."))
			.isEqualTo("On your software team, somebody reviews every change you make.");
		assertThat(repair("Let's talk about-- A little diversion here…")).as("no part stands alone").isNull();
		assertThat(repair("Now everybody has the exact same tool set, and everybody can checkpoint, and there's no--"))
			.as("a sentence broken off at its end loses its unfinished clause")
			.isEqualTo("Now everybody has the exact same tool set, and everybody can checkpoint");
	}

	@Test
	void wordsAndPhrasesSaidTwiceAreSaidOnce() {
		assertThat(repair("I'm not interested in the in the in the words of the speech file at all."))
			.isEqualTo("I'm not interested in the words of the speech file at all.");
		assertThat(repair("You have you have time to mark twelve minutes of the overlaps."))
			.isEqualTo("You have time to mark twelve minutes of the overlaps.");
		assertThat(repair("The design should be the design should be simple and cheap to make, code, code."))
			.isEqualTo("The design should be simple and cheap to make, code.");
	}

	@Test
	void aWordBrokenOffAndSaidWholeKeepsOnlyTheWholeButShortWordsStay() {
		assertThat(repair("We do have the minimum budg budget for the wh who made the remote."))
			.isEqualTo("We do have the minimum budget for the who made the remote.");
		assertThat(repair("After that we went home and on only two days we came back.")).as("words, not fragments")
			.isEqualTo("After that we went home and on only two days we came back.");
	}

	@Test
	void openingMarkersSpeakerLabelsAndClosingTagsAreTakenOff() {
		assertThat(repair("So, yeah, I mean, the remote control should be easy to use, right?"))
			.isEqualTo("the remote control should be easy to use.");
		assertThat(repair("man: So you're saying that you can change your corporate environment."))
			.isEqualTo("you're saying that you can change your corporate environment.");
		assertThat(SpeechRepair.repair("Also, ja, die Fernbedienung sollte einfach zu bedienen sein, oder?", "de",
				(word) -> false))
			.isEqualTo("die Fernbedienung sollte einfach zu bedienen sein.");
		assertThat(SpeechRepair.repair("Bueno, pues, el mando tiene que ser fácil de usar para todos, ¿verdad?", "es",
				(word) -> false))
			.isEqualTo("el mando tiene que ser fácil de usar para todos.");
		assertThat(SpeechRepair.repair("Alors, euh, la télécommande doit être facile à utiliser pour tous, hein ?",
				"fr", (word) -> false))
			.isEqualTo("la télécommande doit être facile à utiliser pour tous.");
		assertThat(SpeechRepair.repair("Weißt du, in all dem liegt eine Lektion für uns verborgen.", "de",
				(word) -> false))
			.isEqualTo("in all dem liegt eine Lektion für uns verborgen.");
		assertThat(french("Tu sais, la télécommande doit être facile à utiliser."))
			.isEqualTo("la télécommande doit être facile à utiliser.");
	}

	@Test
	void wordsThatAreMarkersOnlyBeforeACommaOrAsATagKeepTheirMeaningElsewhere() {
		assertThat(repair("Look at the data from the first three meetings first.")).as("not a marker here")
			.isEqualTo("Look at the data from the first three meetings first.");
		assertThat(repair("Look, the data from the first three meetings says otherwise."))
			.isEqualTo("the data from the first three meetings says otherwise.");
		assertThat(repair("I think the price of twenty five euro is right."))
			.isEqualTo("I think the price of twenty five euro is right.");
		assertThat(repair("The price of twenty five euro is fine for everyone, right."))
			.isEqualTo("The price of twenty five euro is fine for everyone.");
	}

	@Test
	void hesitationsAndHedgesInsideASentenceAreTakenOut() {
		assertThat(repair("The remote should be, you know, small enough to hold, um, in one hand."))
			.isEqualTo("The remote should be small enough to hold in one hand.");
		assertThat(repair("The case is kind of expensive but it is basically just rubber."))
			.isEqualTo("The case is expensive but it is rubber.");
		assertThat(repair("We could do the the uh the kinetic battery for the prototype."))
			.as("copies a filler stood between")
			.isEqualTo("We could do the kinetic battery for the prototype.");
		assertThat(SpeechRepair.repair("Die Fernbedienung ist, äh, halt sozusagen zu teuer für uns.", "de",
				(word) -> false))
			.isEqualTo("Die Fernbedienung ist zu teuer für uns.");
		assertThat(SpeechRepair.repair("El mando es, o sea, demasiado caro para nosotros.", "es", (word) -> false))
			.isEqualTo("El mando es demasiado caro para nosotros.");
		assertThat(
				SpeechRepair.repair("La télécommande est, euh, en fait trop chère pour nous.", "fr", (word) -> false))
			.isEqualTo("La télécommande est trop chère pour nous.");
	}

	@Test
	void phrasesThatAreFillersOnlyInSomePlacesKeepTheirMeaningElsewhere() {
		assertThat(repair("Do you know the price of the kinetic battery?"))
			.isEqualTo("Do you know the price of the kinetic battery?");
		assertThat(repair("It is a kind of remote nobody has built before."))
			.isEqualTo("It is a kind of remote nobody has built before.");
		assertThat(repair("That is what I mean by a simple remote control."))
			.isEqualTo("That is what I mean by a simple remote control.");
		assertThat(repair("By simple I mean that the remote has five buttons at most."))
			.isEqualTo("By simple I mean that the remote has five buttons at most.");
		assertThat(repair("The users you know, want a remote that they can find again."))
			.isEqualTo("The users want a remote that they can find again.");
		assertThat(french("Je n'aime pas ce genre de télécommande pour le salon."))
			.isEqualTo("Je n'aime pas ce genre de télécommande pour le salon.");
		assertThat(french("Les gens veulent, genre, une télécommande qui brille la nuit."))
			.isEqualTo("Les gens veulent une télécommande qui brille la nuit.");
		assertThat(french("Vous savez que la télécommande coûte trop cher pour nous."))
			.isEqualTo("Vous savez que la télécommande coûte trop cher pour nous.");
		assertThat(french("La télécommande, vous savez, coûte trop cher pour nous."))
			.isEqualTo("La télécommande coûte trop cher pour nous.");
		assertThat(
				SpeechRepair.repair("No sabes nada de la nueva batería del mando a distancia.", "es", (word) -> false))
			.isEqualTo("No sabes nada de la nueva batería del mando a distancia.");
		assertThat(
				SpeechRepair.repair("Ich meine, dass die Fernbedienung zu teuer für uns ist.", "de", (word) -> false))
			.as("a verb before its clause")
			.isEqualTo("Ich meine, dass die Fernbedienung zu teuer für uns ist.");
	}

	private static String french(String sentence) {
		return SpeechRepair.repair(sentence, "fr", (word) -> false);
	}

	@Test
	void aSentenceThatEndsOnAWordThatCannotEndOneIsUnfinished() {
		assertThat(repair("The real reason, the true reason, is that JavaScript has a.")).isNull();
		assertThat(repair("We should put the buttons on the side of the.")).isNull();
		assertThat(SpeechRepair.repair("Die Fernbedienung braucht einen Knopf für die.", "de", (word) -> false))
			.isNull();
		assertThat(french("La télécommande doit avoir un bouton pour le.")).isNull();
		assertThat(repair("That is the remote we all wanted to have in the end."))
			.isEqualTo("That is the remote we all wanted to have in the end.");
		assertThat(repair("This is the kinetic battery everyone in the lab asked for."))
			.as("a preposition can end a spoken sentence")
			.isEqualTo("This is the kinetic battery everyone in the lab asked for.");
		assertThat(repair("Or a rendering process asks the browser to show a file picker."))
			.isEqualTo("a rendering process asks the browser to show a file picker.");
	}

	@Test
	void aSentenceThatLeansOnTheOneBeforeIsKnown() {
		assertThat(SpeechRepair.leansOnWhatCameBefore("It actually forces you to deal with people.", "en")).isTrue();
		assertThat(SpeechRepair.leansOnWhatCameBefore("Code review forces you to deal with people.", "en")).isFalse();
	}

	private static String repair(String sentence) {
		return SpeechRepair.repair(sentence, "en", ENGLISH_STOP_WORDS);
	}

}
