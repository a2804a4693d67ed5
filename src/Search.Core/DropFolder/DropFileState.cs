namespace Search.Core.DropFolder;

/// <summary>Where a dropped file ended up after a try.</summary>
public enum DropFileState
{
    /// <summary>Indexed and moved to <see cref="DropFolderOptions.DoneFolderName"/>.</summary>
    Done,

    /// <summary>Moved to <see cref="DropFolderOptions.FailedFolderName"/>: nothing in it was usable, or every try failed.</summary>
    Failed,

    /// <summary>The try failed and the file stays in place for another one.</summary>
    WillRetry,
}
