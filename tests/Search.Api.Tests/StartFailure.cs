using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Search.Api.Tests;

/// <summary>
/// The settings error that stops a test host at start. Mvc.Testing's deferred host reads the host's services while the
/// application's own start, failing, disposes them: now and then that read loses the race and the factory throws
/// <see cref="ObjectDisposedException"/> in place of the reason (seen once in 335 tests). A fresh host is tried then.
/// </summary>
internal static class StartFailure
{
    public static OptionsValidationException Of(Func<WebApplicationFactory<Program>> host)
    {
        for (var attempt = 1; ; attempt++)
        {
            var factory = host();
            try
            {
                return Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
            }
            catch (Xunit.Sdk.ThrowsException ex) when (ex.InnerException is ObjectDisposedException && attempt < 5)
            {
                // The race above: start it again.
            }
            finally
            {
                factory.Dispose();
            }
        }
    }
}
