/**
 * The sandbox: a stateful loopback emulator of every modelled action (see {@link io.kecsh.runtime.sandbox.Sandbox}).
 *
 * <p>Decisions about its HTTP front, where the documents say nothing:
 * <ul>
 *   <li><b>Methods.</b> The documents allow GET and POST (catalogue: "GET and POST are both
 *       supported"). Any other method (PUT, DELETE, PATCH, HEAD, OPTIONS, CONNECT …) is answered
 *       {@code 405} with {@code Allow: GET, POST} and Kingsoft's documented code
 *       {@code InvalidMethod} with its documented message verbatim ("The method %s for is not valid
 *       for this web service."). The documents give that code status 400; the sandbox answers 405
 *       because HTTP defines that status for exactly this case and the issue asks for it; the code
 *       and message stay as documented, so clients that look at the code see the documented one.</li>
 *   <li><b>Requests that cannot be read</b> — a {@code %} not followed by two hex digits, bytes that
 *       are not UTF-8 (in the query, the path or a form body), a chunked body cut wrong, a body over
 *       8 MB, a Host port that is not a number — are answered {@code 400 InvalidQueryParameter}
 *       (documented, verbatim) naming the parameter whose name or value is malformed, or
 *       "(request URI)", "(request body)", "(Host header)"; never a reset. When the body could not
 *       be read to its end the answer carries {@code Connection: close}.</li>
 *   <li>These answers use Kingsoft's envelope (JSON when {@code Accept} asks for it, XML
 *       otherwise): a request that cannot be read cannot say which API it was for.</li>
 *   <li><b>Requests that are not HTTP</b> (no request line, a header without a colon, an invalid or
 *       doubled Content-Length, an HTTP version other than 1.x, a Transfer-Encoding other than
 *       chunked: 501) and <b>oversized heads</b> (a line
 *       over 64 KB, more than 200 headers) are answered by the HTTP front itself before any request
 *       exists ({@code server.RequestHeadReader}, as HttpCore's server answered them before it):
 *       {@code 400}, {@code 505} or {@code 431} with a plain-text reason, and the connection
 *       closed. There is no API call to shape an envelope for.</li>
 * </ul>
 */
package io.kecsh.runtime.sandbox;
