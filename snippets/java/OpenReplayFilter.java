// Java (Servlet filter + SLF4J MDC): every log line of a request carries its OpenReplay session.
// Register the filter, then put %X{openReplayTag} in front of %msg in your Logback/Log4j2 pattern:
//   <pattern>%d %level %X{openReplayTag}%msg%n</pattern>
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;

public class OpenReplayFilter implements Filter {
  // Only a well-formed token is logged: a header is user input, and a log line must not be forgeable.
  private static final Pattern TOKEN =
      Pattern.compile("[0-9A-Za-z]{1,20}\\.-?[0-9A-Za-z]{1,20}\\.[0-9A-Za-z]{1,20}\\.[0-9A-Za-z]{1,120}");
  private static final Pattern SESSION_ID = Pattern.compile("\\d{1,20}");

  static String tagOf(String token, String sessionId) {
    StringBuilder tag = new StringBuilder();
    if (token != null && TOKEN.matcher(token.trim()).matches()) {
      tag.append("[openReplaySessionToken=").append(token.trim()).append("] ");
    }
    if (sessionId != null && SESSION_ID.matcher(sessionId.trim()).matches()) {
      tag.append("[openReplaySession.id=").append(sessionId.trim()).append("] ");
    }
    return tag.toString();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    MDC.put("openReplayTag", tagOf(http.getHeader("X-OpenReplay-SessionToken"), http.getHeader("openReplaySession.id")));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("openReplayTag");
    }
  }
}
