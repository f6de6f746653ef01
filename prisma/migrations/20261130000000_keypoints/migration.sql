-- Keypoint correspondence (SPair-71k style) for PCK@α: a pair's annotated keypoints, and each
-- correspondence model's predicted target keypoints per output.
CREATE TABLE "KeypointPair" (
    "promptId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "keypointIds" TEXT[],
    "sourceKeypoints" JSONB NOT NULL,
    "targetKeypoints" JSONB NOT NULL,
    "targetBox" JSONB,
    "targetWidth" INTEGER NOT NULL,
    "targetHeight" INTEGER NOT NULL,
    CONSTRAINT "KeypointPair_pkey" PRIMARY KEY ("promptId")
);

CREATE TABLE "OutputKeypoints" (
    "outputId" TEXT NOT NULL,
    "keypoints" JSONB NOT NULL,
    CONSTRAINT "OutputKeypoints_pkey" PRIMARY KEY ("outputId")
);

ALTER TABLE "KeypointPair" ADD CONSTRAINT "KeypointPair_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutputKeypoints" ADD CONSTRAINT "OutputKeypoints_outputId_fkey" FOREIGN KEY ("outputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;
