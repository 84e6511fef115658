using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

public class ETagTests
{
    [Theory]
    [InlineData("\"9b2cf535f27731c974343645a3985328\"", "\"9b2cf535f27731c974343645a3985328\"")]
    [InlineData("9b2cf535f27731c974343645a3985328-2", "\"9b2cf535f27731c974343645a3985328-2\"")]
    [InlineData("\"half-quoted", "\"half-quoted\"")]
    public void AnETagIsKeptQuotedHoweverS3AnsweredIt(string answered, string kept) => Assert.Equal(kept, ETag.Quoted(answered));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    public void AnEmptyETagIsNone(string? answered) => Assert.Null(ETag.Quoted(answered));
}
