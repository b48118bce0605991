namespace Safeguard.Cli.Commands;

/// <summary>
/// Where a return is written: an existing folder, and a file written whole or not at all (a temporary file beside it,
/// moved into place only when complete), so a failed run never leaves half a return under the real name.
/// </summary>
internal static class ReturnFile
{
    /// <summary>The full path of <paramref name="output"/>, or null (having said why) when its folder does not exist.</summary>
    public static string? PathIn(string output)
    {
        var path = Path.GetFullPath(output);
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"--output: The folder {folder} does not exist.");
            return null;
        }
        return path;
    }

    /// <summary>Writes the file through <paramref name="write"/>; not written (having said why) when the file system refuses it.</summary>
    public static async Task<(bool Written, T? Value)> WriteWholeAsync<T>(string path, Func<FileStream, Task<T>> write)
    {
        var temporary = path + ".partial";
        try
        {
            T value;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                value = await write(file);
            }
            File.Move(temporary, path, overwrite: true);
            return (true, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            Console.Error.WriteLine($"--output: Could not write {path}: {ex.Message}");
            return (false, default);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
