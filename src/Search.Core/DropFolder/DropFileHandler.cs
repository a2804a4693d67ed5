namespace Search.Core.DropFolder;

/// <summary>Indexes one complete file of the drop folder and says what came of its records.</summary>
/// <exception cref="OperationCanceledException">Stopped: the file stays where it is, for the next run.</exception>
/// <remarks>Any other exception counts as a failed try (see <see cref="DropFolderOptions.MaxAttempts"/>): use it for
/// failures that are not the file's fault, such as an unreachable index.</remarks>
public delegate Task<DropFileReport> DropFileHandler(string path, CancellationToken cancellationToken);
