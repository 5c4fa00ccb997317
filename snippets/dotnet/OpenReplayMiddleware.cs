// .NET (ASP.NET Core middleware + logger scope): every log line of a request carries its OpenReplay session.
//   app.UseMiddleware<OpenReplayMiddleware>();
//   builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);  // or {openReplayTag} in your Serilog template
using System.Text.RegularExpressions;

public class OpenReplayMiddleware
{
    // Only a well-formed token is logged: a header is user input, and a log line must not be forgeable.
    private static readonly Regex Token = new(@"^[0-9A-Za-z]{1,20}\.-?[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,120}$");
    private static readonly Regex SessionId = new(@"^\d{1,20}$");
    private readonly RequestDelegate _next;
    private readonly ILogger<OpenReplayMiddleware> _logger;

    public OpenReplayMiddleware(RequestDelegate next, ILogger<OpenReplayMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var token = context.Request.Headers["X-OpenReplay-SessionToken"].ToString().Trim();
        var id = context.Request.Headers["openReplaySession.id"].ToString().Trim();
        var tag = (Token.IsMatch(token) ? $"[openReplaySessionToken={token}] " : "")
                + (SessionId.IsMatch(id) ? $"[openReplaySession.id={id}] " : "");
        using (_logger.BeginScope(new Dictionary<string, object> { ["openReplayTag"] = tag }))
        {
            await _next(context);
        }
    }
}
