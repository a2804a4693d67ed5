using System.Net;
using System.Net.Sockets;

namespace Search.Core.Feeds;

/// <summary>
/// Connects to public addresses only, as the <see cref="SocketsHttpHandler.ConnectCallback"/> of the client that reads
/// linked pages: whoever publishes a feed chooses its links, and must not make the service fetch (and index, and serve)
/// a page of the cloud metadata service, the loopback or the private network. The check is on the addresses actually
/// connected to, after resolving the host, so a name that resolves to a private address (DNS rebinding) and a redirect
/// to one are refused too.
/// </summary>
/// <remarks>Thread-safe. Through a proxy the handler would connect to the proxy, not the page's host, so a client
/// that uses this callback must not use a proxy.</remarks>
public static class PublicAddressGuard
{
    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses it when any of its
    /// addresses is not public, and otherwise connects as the handler would.</summary>
    /// <exception cref="RefusedAddressException">The host has an address that is not public.</exception>
    /// <exception cref="SocketException">The host does not resolve, or no address accepts the connection.</exception>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        // All or nothing: a host that also resolves to a private address is not trusted with its public one.
        if (addresses.FirstOrDefault(address => !IsPublic(address)) is { } refused)
        {
            throw new RefusedAddressException($"{host} resolves to {refused}, which is not a public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10), unspecified
    /// (0/8, ::), multicast and reserved (224/3, ff00::/8), carrier-grade NAT (100.64/10) and site-local (fec0::/10)
    /// addresses, also written as IPv4-mapped or NAT64 (64:ff9b::/96) IPv6.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return false;
        }

        if (length == 4)
        {
            return IsPublicIPv4(bytes[..4]);
        }

        if (bytes[..12].SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            return IsPublicIPv4(bytes[12..16]);
        }

        return !(IPAddress.IsLoopback(address)
            || address.Equals(IPAddress.IPv6None)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC);
    }

    private static bool IsPublicIPv4(ReadOnlySpan<byte> ip) => !(
        ip[0] is 0 or 10 or 127 or >= 224
        || (ip[0] == 169 && ip[1] == 254)
        || (ip[0] == 172 && (ip[1] & 0xF0) == 16)
        || (ip[0] == 192 && ip[1] == 168)
        || (ip[0] == 100 && (ip[1] & 0xC0) == 64));
}
