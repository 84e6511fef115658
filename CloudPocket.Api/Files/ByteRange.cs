using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Files;

// The part of a file a download asks for (RFC 9110 §14): one byte range, honoured only when If-Range still holds.
// Several ranges are answered with the whole file, which the RFC allows.
public readonly record struct ByteRange(long From, long To)
{
    public long Length => To - From + 1;

    // Null: send the whole file. Unsatisfiable: 416.
    public static ByteRange? Select(RequestHeaders headers, EntityTagHeaderValue eTag, DateTimeOffset lastModified, long size, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (headers.Range is not { Ranges.Count: 1 } range || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase)
            || !IfRangeHolds(headers.IfRange, eTag, lastModified))
        {
            return null;
        }

        var requested = range.Ranges.Single();
        ByteRange? selected = requested.From switch
        {
            null when requested.To > 0 && size > 0 => new ByteRange(Math.Max(0, size - requested.To.Value), size - 1),
            { } from when from < size => new ByteRange(from, Math.Min(requested.To ?? size - 1, size - 1)),
            _ => null,
        };
        unsatisfiable = selected is null;
        return selected;
    }

    private static bool IfRangeHolds(RangeConditionHeaderValue? ifRange, EntityTagHeaderValue eTag, DateTimeOffset lastModified) =>
        ifRange switch
        {
            null => true,
            { EntityTag: { } tag } => tag.Compare(eTag, useStrongComparison: true),
            { LastModified: { } date } => lastModified <= date,
            _ => false,
        };
}
