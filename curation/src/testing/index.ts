/** Test fixtures: generated images and a corpus with known decisions (`@loupe/curation/testing`). */
export { noise, pngHeaderOnly, scene, solid } from "./images";
export { writeTestCorpus, testPipeline, type ExpectedDecision } from "./corpus";
export { writeTestVideoCorpus, testVideoPipeline } from "./videos";
