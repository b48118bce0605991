using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// Makes the app's real database unavailable and brings it back. PostgreSQL: the app reaches its server through a TCP
/// gate in the test; closing it drops every connection and refuses new ones, as a stopped or restarting server does.
/// SQLite: another connection holds the write lock, so a write waits out the busy timeout and fails "database is locked".
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly TcpGate? _gate;
    private SqliteConnection? _lockHolder;

    public DatabaseOutage(TestDatabase database)
    {
        _database = database;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            _gate = new TcpGate(csb.Host ?? "127.0.0.1", csb.Port);
        }
    }

    /// <summary>The connection string the app should use (through the gate on PostgreSQL).</summary>
    public string AppConnectionString => _gate is null
        ? _database.ConnectionString
        : new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _gate.Port }.ConnectionString;

    public async Task BeginAsync()
    {
        if (_gate is not null)
        {
            _gate.Close();
            return;
        }
        _lockHolder = new SqliteConnection(_database.ConnectionString);
        await _lockHolder.OpenAsync();
        await using var command = _lockHolder.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
    }

    public async Task EndAsync()
    {
        _gate?.Open();
        if (_lockHolder is not null)
        {
            await _lockHolder.DisposeAsync(); // rolls back: the lock holder wrote nothing
            _lockHolder = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        _gate?.Dispose();
    }

    /// <summary>A TCP forwarder on a fixed local port that can be closed (connections reset, new ones refused) and opened again.</summary>
    private sealed class TcpGate : IDisposable
    {
        private readonly string _host;
        private readonly int _targetPort;
        private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
        private TcpListener? _listener;

        public TcpGate(string host, int targetPort)
        {
            _host = host;
            _targetPort = targetPort;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Open();
        }

        public int Port { get; }

        public void Open()
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }

        public void Close()
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open.Keys) Reset(client);
        }

        public void Dispose() => Close();

        private async Task AcceptAsync(TcpListener listener)
        {
            while (true)
            {
                TcpClient inbound;
                try
                {
                    inbound = await listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                var outbound = new TcpClient();
                try
                {
                    await outbound.ConnectAsync(_host, _targetPort);
                }
                catch (SocketException)
                {
                    Reset(inbound);
                    outbound.Dispose();
                    continue;
                }
                _open[inbound] = 0;
                _open[outbound] = 0;
                _ = PumpAsync(inbound, outbound);
                _ = PumpAsync(outbound, inbound);
            }
        }

        private async Task PumpAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
            }
            Reset(from);
            Reset(to);
        }

        private void Reset(TcpClient client)
        {
            _open.TryRemove(client, out _);
            // The other pump may have disposed it already: then it has no socket left to reset.
            if (client.Client is not { } socket) return;
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
            client.Dispose();
        }
    }
}
