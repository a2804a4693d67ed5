using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.DropFolder;

/// <summary>The service's <see cref="DropFileHandler"/>: reads a file with the indexer's readers
/// (<see cref="ArticleSources"/>) and writes its articles through the <see cref="ArticleStore"/>, in batches, so each
/// is durable and logged like any other write.</summary>
/// <remarks>After each batch it saves how far it got (<see cref="DropFileProgress"/>): a file read again after a kill
/// or a failed try resumes after the last batch saved, so an API write made meanwhile to an id of the batches already
/// written is not replaced by the file's older version. The records before that point are still parsed, for the
/// report: their problems are listed again and their articles counted as indexed. A kill between a batch becoming
/// durable and its progress being saved still writes that one batch (at most 500 records) again.</remarks>
public sealed partial class DropFileIndexer(ArticleStore store, ArticleSources sources, ILogger<DropFileIndexer>? logger = null)
{
    private const int BatchSize = 500;

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <exception cref="IOException">The log could not make a batch durable; earlier batches stay written.</exception>
    /// <exception cref="StorageFaultException">The index folder cannot be written for now; earlier batches stay
    /// written.</exception>
    /// <exception cref="InvalidOperationException">The index stopped applying writes.</exception>
    public async Task<DropFileReport> IndexAsync(string path, CancellationToken cancellationToken)
    {
        // Taken before the file is opened: progress saved under it never covers records of another file.
        var stamp = DropFileStamp.Of(path);
        var resumeAfter = WrittenBefore(path, stamp);
        var saved = resumeAfter;
        var problems = new List<IngestProblem>();
        var batch = new List<ArticleChange>(BatchSize);
        long indexed = 0;
        long records = 0;
        foreach (var record in sources.ReadFile(path))
        {
            records++;
            if (record.Article is { } article)
            {
                if (records <= resumeAfter)
                {
                    // Written before the restart: writing it again could undo a newer write to the same id.
                    indexed++;
                }
                else
                {
                    batch.Add(ArticleChange.Upsert(article));
                }
            }
            else if (record.Problem is { } problem)
            {
                problems.Add(problem);
            }

            if (records <= resumeAfter && records % BatchSize == 0)
            {
                // Skipping writes nothing, and only writes would notice a stop.
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (batch.Count == BatchSize)
            {
                indexed += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                SaveProgress(path, stamp, records);
                saved = records;
            }
        }

        if (batch.Count > 0)
        {
            indexed += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        if (records > saved)
        {
            SaveProgress(path, stamp, records);
        }

        return new DropFileReport(indexed, problems);
    }

    /// <summary>How many records of the file were written before, by the progress saved for it.</summary>
    private long WrittenBefore(string path, DropFileStamp? stamp)
    {
        var resume = DropFileResume.For(path, stamp);
        switch (resume.Found)
        {
            case DropFileResume.Outcome.Resumed:
                LogResuming(path, resume.Records);
                break;
            case DropFileResume.Outcome.OtherFile:
                LogOtherFile(path);
                break;
            case DropFileResume.Outcome.Unreadable:
                LogUnreadable(resume.Error!, path);
                break;
        }

        return resume.Records;
    }

    /// <summary>Saves that the file's first <paramref name="records"/> are written. When that fails the file is still
    /// indexed: only a restart would then write some records again.</summary>
    private void SaveProgress(string path, DropFileStamp? stamp, long records)
    {
        if (DropFileResume.Save(path, stamp, records) is { } failure)
        {
            LogNotSaved(failure, path, records);
        }
    }

    private async Task<int> WriteAsync(List<ArticleChange> batch, CancellationToken cancellationToken)
    {
        await store.WriteAsync([.. batch], cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = batch.Count;
        batch.Clear();
        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Path} after its first {Records} records, written before a restart or a failed try")]
    private partial void LogResuming(string path, long records);

    [LoggerMessage(Level = LogLevel.Information, Message = "The progress saved for {Path} was another file's under the same name; reading it from the start")]
    private partial void LogOtherFile(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress saved for {Path} cannot be read; reading it from the start")]
    private partial void LogUnreadable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot save the progress of {Path} ({Records} records written); a restart now would write some of them again")]
    private partial void LogNotSaved(Exception exception, string path, long records);
}
