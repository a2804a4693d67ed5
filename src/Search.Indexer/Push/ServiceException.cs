namespace Search.Indexer.Push;

/// <summary>The service refused a request as a whole (a wrong key, writes turned off, a bad address) or could not be
/// reached through the retries; the message says which, with the service's own explanation.</summary>
internal sealed class ServiceException(string message, Exception? inner = null) : Exception(message, inner);
