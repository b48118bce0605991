using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Safeguard.Benchmarks.Intake;

/// <summary>Posts one referral and returns the HTTP status code. One per load worker.</summary>
internal interface IReferralPoster : IAsyncDisposable
{
    Task<int> PostAsync(string body, string idempotencyKey);
}

/// <summary>The .NET HttpClient, as a partner's .NET system would call us (heavier on the shared cores).</summary>
internal sealed class HttpClientPoster(HttpClient client) : IReferralPoster
{
    public static HttpClient CreateClient(Uri address, string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<int> PostAsync(string body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// A minimal HTTP/1.1 keep-alive client on one socket: writes the request in one send and reads the status line,
/// headers and body (Content-Length or chunked). It spends far less CPU than HttpClient, so a load generator sharing the
/// server's two cores takes less of them; the server sees ordinary HTTP either way.
/// </summary>
internal sealed class RawSocketPoster(IPEndPoint server, string key) : IReferralPoster
{
    private Socket? _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task<int> PostAsync(string body, string idempotencyKey)
    {
        var socket = _socket ??= await ConnectAsync();
        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        var head = $"POST /api/v1/referrals HTTP/1.1\r\nHost: {server}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n"
            + $"Idempotency-Key: {idempotencyKey}\r\nContent-Length: {bodyBytes.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        var request = ArrayPool<byte>.Shared.Rent(head.Length + bodyBytes);
        try
        {
            var length = Encoding.ASCII.GetBytes(head, request);
            length += Encoding.UTF8.GetBytes(body, 0, body.Length, request, length);
            await socket.SendAsync(request.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
        }
        try
        {
            return await ReadResponseAsync(socket);
        }
        catch
        {
            _socket = null;
            socket.Dispose();
            throw;
        }
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return socket;
    }

    private async Task<int> ReadResponseAsync(Socket socket)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = IndexOf(_buffer.AsSpan(0, filled), "\r\n\r\n"u8)) < 0)
        {
            filled += await ReceiveAsync(socket, filled);
        }
        var headers = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
        var status = int.Parse(headers.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var start = headerEnd + 4;
        var lengthHeader = HeaderValue(headers, "Content-Length");
        if (lengthHeader is not null)
        {
            var end = start + int.Parse(lengthHeader, CultureInfo.InvariantCulture);
            while (filled < end) filled += await ReceiveAsync(socket, filled);
        }
        else
        {
            // Chunked: read until the terminating zero-length chunk ("0\r\n\r\n").
            while (IndexOf(_buffer.AsSpan(start, filled - start), "\r\n0\r\n\r\n"u8) < 0
                   && !_buffer.AsSpan(start, filled - start).StartsWith("0\r\n\r\n"u8))
            {
                filled += await ReceiveAsync(socket, filled);
            }
        }
        if (HeaderValue(headers, "Connection") is { } connection && connection.Equals("close", StringComparison.OrdinalIgnoreCase))
        {
            _socket = null;
            socket.Dispose();
        }
        return status;
    }

    private async Task<int> ReceiveAsync(Socket socket, int filled)
    {
        if (filled == _buffer.Length) throw new InvalidOperationException("Response larger than the client's buffer.");
        var read = await socket.ReceiveAsync(_buffer.AsMemory(filled));
        return read > 0 ? read : throw new IOException("The server closed the connection.");
    }

    private static string? HeaderValue(string headers, string name)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }
        return null;
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }
}
