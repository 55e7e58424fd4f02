using System.Runtime.CompilerServices;
using System.Text;

namespace Kittens.Generator.Tests;

/// <summary>
/// Snapshot testing with Verify's file conventions: <c>{TestClass}.{TestMethod}.verified.{ext}</c>
/// beside the test source (the class is named after its file). A mismatch writes
/// <c>*.received.{ext}</c> there and fails with a line diff; <c>KITTENS_ACCEPT_SNAPSHOTS=1</c>
/// overwrites the verified file instead.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string text, string extension = "cu", [CallerFilePath] string sourceFile = "", [CallerMemberName] string testMethod = "")
    {
        string directory = Path.GetDirectoryName(sourceFile)!;
        string testClass = Path.GetFileNameWithoutExtension(sourceFile);
        string verified = Path.Combine(directory, $"{testClass}.{testMethod}.verified.{extension}");
        string received = Path.Combine(directory, $"{testClass}.{testMethod}.received.{extension}");
        string actual = Normalize(text);

        if (Environment.GetEnvironmentVariable("KITTENS_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var message = new StringBuilder();
        message.AppendLine(expected is null
            ? $"No snapshot {Path.GetFileName(verified)} yet; wrote {Path.GetFileName(received)}."
            : $"{Path.GetFileName(received)} differs from {Path.GetFileName(verified)}:");
        message.AppendLine("(rerun with KITTENS_ACCEPT_SNAPSHOTS=1 to accept)");
        message.Append(LineDiff.Unified(expected ?? string.Empty, actual));
        Assert.Fail(message.ToString());
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}

/// <summary>A unified-style line diff (longest common subsequence), with 2 lines of context.</summary>
internal static class LineDiff
{
    public static string Unified(string expected, string actual, int context = 2)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var edits = new List<(char Kind, string Line, int A, int B)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) edits.Add((' ', a[x], x++, y++));
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) edits.Add(('-', a[x], x++, y));
            else edits.Add(('+', b[y], x, y++));
        }

        var shown = new bool[edits.Count];
        for (int k = 0; k < edits.Count; k++)
        {
            if (edits[k].Kind == ' ') continue;
            for (int m = Math.Max(0, k - context); m <= Math.Min(edits.Count - 1, k + context); m++) shown[m] = true;
        }

        var text = new StringBuilder();
        for (int k = 0; k < edits.Count; k++)
        {
            if (!shown[k]) continue;
            if (k == 0 || !shown[k - 1]) text.Append($"@@ expected line {edits[k].A + 1}, received line {edits[k].B + 1} @@\n");
            text.Append(edits[k].Kind).Append(' ').Append(edits[k].Line).Append('\n');
        }
        return text.ToString();
    }
}
