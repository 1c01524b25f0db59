package io.sightline.library;

import java.util.List;

/** One page of the library, newest first; {@code page} counts from 0. */
record LibraryPage(List<LibraryItem> items, long total, int page, int size) {
}
