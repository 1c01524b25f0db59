package io.sightline.source.youtube;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.sightline.source.Segment;
import org.jsoup.parser.Parser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads YouTube's timed-text XML: {@code <transcript><text start dur>} in seconds, or the
 * {@code srv3} form {@code <timedtext><body><p t d>} in milliseconds. Entities are
 * decoded (twice, as YouTube escapes the text inside the XML escaping), tags stripped,
 * whitespace collapsed and empty cues skipped. DTDs and external entities are refused.
 */
final class TimedText {

	private TimedText() {
	}

	static List<Segment> parse(String xml) {
		Document document = read(xml);
		Element root = document.getDocumentElement();
		List<Segment> segments = new ArrayList<>();
		if (root.getTagName().equals("timedtext")) {
			NodeList cues = root.getElementsByTagName("p");
			for (int i = 0; i < cues.getLength(); i++) {
				Element cue = (Element) cues.item(i);
				add(segments, number(cue, "t") / 1000, number(cue, "d") / 1000, cue.getTextContent());
			}
		}
		else {
			NodeList cues = root.getElementsByTagName("text");
			for (int i = 0; i < cues.getLength(); i++) {
				Element cue = (Element) cues.item(i);
				add(segments, number(cue, "start"), number(cue, "dur"), cue.getTextContent());
			}
		}
		return segments;
	}

	private static void add(List<Segment> segments, double start, double duration, String raw) {
		String text = Parser.unescapeEntities(raw.replaceAll("<[^>]*>", ""), false)
			.replaceAll("<[^>]*>", "")
			.replace('\u00a0', ' ')
			.replaceAll("\\s+", " ")
			.strip();
		if (!text.isEmpty()) {
			segments.add(new Segment(start, duration, text));
		}
	}

	private static double number(Element cue, String attribute) {
		String value = cue.getAttribute(attribute);
		try {
			return value.isEmpty() ? 0 : Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Document read(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			factory.setXIncludeAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw YouTubeFailures.unparsable("captions");
		}
	}

}
