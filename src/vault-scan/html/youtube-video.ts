/** Where a placeholder's video plays once the visitor asks: YouTube's privacy-enhanced host, allowed by the CSP. */
const VIDEO_EMBED_ORIGIN = "https://www.youtube-nocookie.com";

export interface YouTubeVideo {
  /** The nocookie player address, loaded by _includes/assets/video-embeds.js after a click. */
  readonly embedUrl: string;
  /** The plain link to watch the video on YouTube itself. */
  readonly watchUrl: string;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{6,}$/;
const EMBED_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"]);

/** The video an iframe's src plays, from youtube.com/embed, youtube-nocookie.com/embed or youtu.be addresses. */
export function youTubeVideo(src: string): YouTubeVideo | undefined {
  const address = src.trim();
  // "//www.youtube.com/embed/…" is how older embed codes wrote it; a path on our own site is not a video.
  if (!/^(?:https?:)?\/\//i.test(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address, "https://www.youtube.com");
  } catch {
    return undefined;
  }
  let id: string | undefined;
  if (url.hostname === "youtu.be") id = url.pathname.split("/")[1];
  else if (EMBED_HOSTS.has(url.hostname) && url.pathname.startsWith("/embed/")) id = url.pathname.split("/")[2];
  if (id === undefined) return undefined;
  const list = url.searchParams.get("list");
  if (id === "videoseries") {
    if (!list || !VIDEO_ID.test(list)) return undefined;
    return {
      embedUrl: `${VIDEO_EMBED_ORIGIN}/embed/videoseries?list=${list}`,
      watchUrl: `https://www.youtube.com/playlist?list=${list}`,
    };
  }
  if (!VIDEO_ID.test(id)) return undefined;
  const start = url.searchParams.get("start") ?? url.searchParams.get("t");
  const seconds = start !== null && /^\d+s?$/.test(start) ? Number.parseInt(start, 10) : 0;
  return {
    embedUrl: `${VIDEO_EMBED_ORIGIN}/embed/${id}${seconds > 0 ? `?start=${seconds}` : ""}`,
    watchUrl: `https://www.youtube.com/watch?v=${id}${seconds > 0 ? `&t=${seconds}s` : ""}`,
  };
}
