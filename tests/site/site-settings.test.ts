import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pathPrefixOf, PROJECT_ROOT, publicUrlOf, readSiteSettings, SiteSettingError } from "../../src/site/site-settings.js";
import { asSiteUrl } from "../../src/vault-scan/paths.js";

const siteJson = JSON.parse(await readFile(path.join(PROJECT_ROOT, "_data", "site.json"), "utf8")) as Record<string, unknown>;

describe("readSiteSettings", () => {
  it("reads _data/site.json as it is when the environment sets nothing, with no invented repository", () => {
    expect(siteJson["repository"]).toBeUndefined();
    const site = readSiteSettings({});
    expect(site).toEqual(siteJson);
    expect(site.repository).toBeUndefined();
  });

  it("takes the site's address from SITE_URL for one build, without its trailing slash", () => {
    expect(readSiteSettings({ SITE_URL: "https://museumxtd.github.io/jardin/" }).url).toBe("https://museumxtd.github.io/jardin");
    expect(readSiteSettings({ SITE_URL: "https://www.museumxtd.ch" }).url).toBe("https://www.museumxtd.ch");
    expect(readSiteSettings({ SITE_URL: " http://localhost:8080/a/b/ " }).url).toBe("http://localhost:8080/a/b");
  });

  it.each(["", "jardin", "/jardin/", "museumxtd.github.io/jardin", "ftp://exemple.org/", "javascript:alert(1)", "https://exemple.org/?a=1", "https://exemple.org/#haut"])(
    "refuses SITE_URL=%j with a French message naming the setting and an example",
    (value) => {
      let thrown: unknown;
      try {
        readSiteSettings({ SITE_URL: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SiteSettingError);
      expect((thrown as Error).message).toBe(
        `SITE_URL vaut « ${value} », qui n'est pas l'adresse complète d'un site : donnez-la avec http:// ou https://, sans ? ni #, par exemple SITE_URL=https://exemple.github.io/jardin/.`,
      );
    },
  );

  it("derives the repository from a GitHub Actions run when site.json names none", () => {
    expect(readSiteSettings({ GITHUB_REPOSITORY: "musee-du-lac/jardin", GITHUB_SERVER_URL: "https://github.com", GITHUB_REF_NAME: "publication" }).repository).toEqual({
      url: "https://github.com/musee-du-lac/jardin",
      branch: "publication",
      notesFolder: "notes",
    });
    expect(readSiteSettings({ GITHUB_REPOSITORY: "musee-du-lac/jardin", GITHUB_SERVER_URL: "https://git.exemple.ch/" }).repository).toEqual({
      url: "https://git.exemple.ch/musee-du-lac/jardin",
      branch: "main",
      notesFolder: "notes",
    });
  });

  it("derives no repository from a GITHUB_REPOSITORY that is not owner/name", () => {
    for (const name of ["", "jardin", "a/b/c", "a/b?c", "../x", "a/..", "a/."]) expect(readSiteSettings({ GITHUB_REPOSITORY: name }).repository, name).toBeUndefined();
  });
});

describe("pathPrefixOf", () => {
  it("is the path of the site's address, ending with a slash", () => {
    expect(pathPrefixOf("https://www.museumxtd.ch")).toBe("/");
    expect(pathPrefixOf("https://www.museumxtd.ch/")).toBe("/");
    expect(pathPrefixOf("https://museumxtd.github.io/jardin")).toBe("/jardin/");
    expect(pathPrefixOf("https://exemple.org/musees/jardin/")).toBe("/musees/jardin/");
  });
});

describe("publicUrlOf", () => {
  it("puts a URL of the site under the site's address, path prefix included", () => {
    expect(publicUrlOf("https://exemple.github.io/jardin", asSiteUrl("/"))).toBe("https://exemple.github.io/jardin/");
    expect(publicUrlOf("https://exemple.github.io/jardin", asSiteUrl("/sitemap.xml"))).toBe("https://exemple.github.io/jardin/sitemap.xml");
    expect(publicUrlOf("https://exemple.github.io/jardin", asSiteUrl("/caf%C3%A9/"))).toBe("https://exemple.github.io/jardin/caf%C3%A9/");
    expect(publicUrlOf("https://www.museumxtd.ch", asSiteUrl("/ma-note/"))).toBe("https://www.museumxtd.ch/ma-note/");
    expect(publicUrlOf("https://exemple.github.io/jardin", asSiteUrl("/a:b/"))).toBe("https://exemple.github.io/jardin/a:b/");
  });
});
