package org.openloop.crm.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like page session without a browser: keeps the session cookie and reads CSRF tokens from pages. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("CRMSESSION=([^;]+)");

    private final Api api;
    private String session;

    public WebSession(Api api) {
        this.api = api;
    }

    public Api.Response get(String path) {
        return remember(withCookie(api.get(path)).send());
    }

    /** Posts a form; {@code fields} are name, value pairs, already unencoded. */
    public Api.Response post(String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return remember(withCookie(api.post(path)).form(form.toString()).send());
    }

    /** The CSRF token of the form on a page. */
    public String csrfFrom(String path) {
        Matcher matcher = CSRF.matcher(get(path).text());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return matcher.group(1);
    }

    /** Signs in through the login form; returns the response to the form post (a redirect). */
    public Api.Response login(String username, String password) {
        String csrf = csrfFrom("/login");
        return post("/login", "username", username, "password", password, "_csrf", csrf);
    }

    private Api.Call withCookie(Api.Call call) {
        return session == null ? call : call.header("Cookie", "CRMSESSION=" + session);
    }

    private Api.Response remember(Api.Response response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION.matcher(cookie);
            if (matcher.find()) {
                session = matcher.group(1).isEmpty() ? null : matcher.group(1);
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
