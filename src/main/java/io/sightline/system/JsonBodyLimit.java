package io.sightline.system;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON request bodies are small (an address and a few options): one over
 * {@code sightline.limits.json-body-size} (default 64KB) is refused with 413 before it is
 * read, or as soon as a body sent without a length passes the limit. Uploads have their
 * own limit.
 */
@ControllerAdvice
class JsonBodyLimit extends RequestBodyAdviceAdapter {

	private final long limit;

	JsonBodyLimit(@Value("${sightline.limits.json-body-size:64KB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		if (message.getHeaders().getContentLength() > this.limit) {
			throw tooLarge();
		}
		InputStream limited = new FilterInputStream(message.getBody()) {

			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				count((b >= 0) ? 1 : 0);
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				count(Math.max(n, 0));
				return n;
			}

			private void count(int n) {
				this.read += n;
				if (this.read > JsonBodyLimit.this.limit) {
					throw tooLarge();
				}
			}

		};
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return limited;
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

		};
	}

	private ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + this.limit
				+ " bytes, more than an address and its options need; send only the fields of the API.");
	}

}
