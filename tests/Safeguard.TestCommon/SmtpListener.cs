using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safeguard.TestCommon;

/// <summary>A message the <see cref="SmtpListener"/> accepted.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    private (Dictionary<string, string> Headers, string Body)? _parsed;

    public IReadOnlyDictionary<string, string> Headers => Parse().Headers;

    /// <summary>The subject, decoded from RFC 2047 encoded-words if needed.</summary>
    public string Subject => Headers.TryGetValue("Subject", out var s) ? DecodeWords(s) : "";

    /// <summary>The body, decoded from base64 or quoted-printable.</summary>
    public string Body => Parse().Body;

    private (Dictionary<string, string> Headers, string Body) Parse()
    {
        if (_parsed is { } done) return done;
        var split = Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? Raw : Raw[..split];
        var body = split < 0 ? "" : Raw[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }
        var encoding = headers.TryGetValue("Content-Transfer-Encoding", out var cte) ? cte.ToLowerInvariant() : "7bit";
        var decoded = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        _parsed = (headers, decoded);
        return _parsed.Value;
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var unfolded = text.Replace("=\r\n", "");
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value)
    {
        // =?utf-8?B?...?= or =?utf-8?Q?...?=, possibly several separated by spaces.
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!parts.All(p => p.StartsWith("=?", StringComparison.Ordinal) && p.EndsWith("?=", StringComparison.Ordinal))) return value;
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var pieces = part[2..^2].Split('?');
            if (pieces.Length != 3) return value;
            sb.Append(pieces[1].ToUpperInvariant() switch
            {
                "B" => Encoding.UTF8.GetString(Convert.FromBase64String(pieces[2])),
                _ => DecodeQuotedPrintable(pieces[2].Replace('_', ' ')),
            });
        }
        return sb.ToString();
    }
}

/// <summary>
/// A small real SMTP server on 127.0.0.1 (port 0: the system picks a free port) that speaks enough of RFC 5321
/// (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT) to receive messages from SmtpClient. A test can make it
/// refuse messages with a reply code (e.g. 451), or stop it and start it again on the same port to simulate an outage.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;
    private readonly ConcurrentDictionary<Task, bool> _sessions = new();

    private SmtpListener() { }

    public int Port { get; private set; }

    public string Host => "127.0.0.1";

    public bool IsRunning => _listener is not null;

    /// <summary>When set, MAIL FROM is answered with this reply (e.g. "451 4.3.0 Try again later").</summary>
    public string? RejectWith { get; set; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToArray();

    public static SmtpListener Start()
    {
        var listener = new SmtpListener();
        listener.Listen(0);
        return listener;
    }

    /// <summary>Starts listening again on the same port after <see cref="StopAsync"/>.</summary>
    public void Restart()
    {
        if (_listener is not null) return;
        Listen(Port);
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _accepting = AcceptLoopAsync(listener, _stop.Token);
    }

    /// <summary>Stops listening and drops open connections: senders now get "connection refused".</summary>
    public async Task StopAsync()
    {
        if (_listener is null) return;
        _stop!.Cancel();
        _listener.Stop();
        _listener = null;
        try { await _accepting!; } catch (Exception) { }
        foreach (var session in _sessions.Keys)
        {
            try { await session.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        }
        _stop.Dispose();
        _stop = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            var session = ServeAsync(client, ct);
            _sessions[session] = true;
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 Safeguard test SMTP ready");
            string? from = null;
            var to = new List<string>();
            while (!ct.IsCancellationRequested)
            {
                var line = await reader.ReadLineAsync(ct);
                if (line is null) return;
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1 Hello");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1 Hello");
                        break;
                    case "MAIL":
                        if (RejectWith is { } rejection)
                        {
                            await writer.WriteLineAsync(rejection);
                            break;
                        }
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        if (from is null)
                        {
                            await writer.WriteLineAsync("503 5.5.1 MAIL first");
                            break;
                        }
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (from is null || to.Count == 0)
                        {
                            await writer.WriteLineAsync("503 5.5.1 RCPT first");
                            break;
                        }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (true)
                        {
                            var dataLine = await reader.ReadLineAsync(ct);
                            if (dataLine is null) return;
                            if (dataLine == ".") break;
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        _received.Enqueue(new ReceivedMail(from, to.ToList(), data.ToString()));
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
