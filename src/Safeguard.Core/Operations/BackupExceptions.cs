namespace Safeguard.Core.Operations;

/// <summary>The operator asked for something that cannot be done as asked (a file already there, a file missing): one line says why.</summary>
public sealed class BackupInputException(string message) : Exception(message);

/// <summary>A backup or restore could not run or failed part way (a tool missing, pg_dump failing): one line says why.</summary>
public sealed class BackupFailedException(string message) : Exception(message);
