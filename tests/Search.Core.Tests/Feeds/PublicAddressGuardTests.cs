using System.Net;
using Search.Core.Feeds;

namespace Search.Core.Tests.Feeds;

public sealed class PublicAddressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, PublicAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:5392/page")]
    [InlineData("http://localhost:5392/page")]
    [InlineData("http://[::1]:5392/page")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task A_client_through_the_guard_refuses_a_host_that_resolves_to_a_private_address(string url)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = PublicAddressGuard.ConnectAsync, UseProxy = false });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(url));

        Assert.IsType<RefusedAddressException>(failure.InnerException);
    }
}
